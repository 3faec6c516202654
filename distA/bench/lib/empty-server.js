/**
 * The query benchmark's limit: the same HTTP stack as `serve` (createHttpApp: body parser,
 * schema validation, serializer, error handler) with one route that reads nothing and answers
 * `{}`. Run as a child process; prints `listening <port>` on stdout.
 */
import { createHttpApp } from '../../src/query/http-app.js';
const app = await createHttpApp();
app.post('/empty', { schema: { body: { type: 'object', properties: { height: { type: 'integer', minimum: 0 } } }, response: { 200: { type: 'object' } } } }, () => ({}));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address !== null ? address.port : 0}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
//# sourceMappingURL=empty-server.js.map