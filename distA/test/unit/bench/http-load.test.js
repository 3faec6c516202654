/**
 * Goal: the benchmarks' load client resends a request exactly when its REUSED keep-alive
 * connection was reset before any answer (the server closed it as the request went out), and
 * fails on everything else — a reset on a fresh connection, a refused connection, a non-200 —
 * so a dead or refusing server never turns into a figure.
 * Method: loopback node:http servers that destroy the socket of chosen requests without
 * answering: the 2nd request of every connection (a reused one), or every request.
 */
import { createServer } from 'node:http';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadClient } from '../../../bench/lib/http-load.js';
const test = suite('bench/http-load: resend only after a reused connection was reset');
/** A server answering 200 `{}` except where `drop(n)` (n = the request's number on its connection, from 1) says to reset. */
async function serverDropping(drop, status = 200) {
    const counts = new WeakMap();
    const server = createServer((req, res) => {
        const n = (counts.get(req.socket) ?? 0) + 1;
        counts.set(req.socket, n);
        req.resume();
        req.on('end', () => {
            if (drop(n))
                req.socket.destroy();
            else
                res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, port: server.address().port };
}
/** The message a send fails with (the test fails if it answers). */
async function failure(promise) {
    try {
        await promise;
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
    assert.unreachable('the send answered');
    return '';
}
const close = (server) => new Promise((resolve) => server.close(() => resolve()));
test('the 2nd request on each connection reset: every request answered, each reset one resent once', async () => {
    const { server, port } = await serverDropping((n) => n === 2);
    const client = loadClient(1);
    try {
        for (let i = 0; i < 4; i++)
            assert.is(await client.send({ port, path: '/x', body: '{}' }), 200);
        // One connection at a time: send 1 is connection A's 1st request; send 2 reuses A (its 2nd:
        // reset) and is resent as B's 1st; sends 3 and 4 likewise reuse B and C → 3 resends.
        assert.is(client.retries, 3);
    }
    finally {
        client.close();
        await close(server);
    }
});
test('a reset on a fresh connection, a refused connection and a non-200 answer fail', async () => {
    const dropping = await serverDropping(() => true);
    const refusing = await serverDropping(() => false, 503);
    const client = loadClient(1);
    try {
        assert.match(await failure(client.send({ port: dropping.port, path: '/x', body: '{}' })), /socket hang up \(a new connection\)/);
        assert.match(await failure(client.send({ port: refusing.port, path: '/x', body: '{}' })), /HTTP 503/);
        await close(dropping.server);
        assert.match(await failure(client.send({ port: dropping.port, path: '/x', body: '{}' })), /ECONNREFUSED/);
        assert.is(client.retries, 0);
    }
    finally {
        client.close();
        await close(refusing.server);
    }
});
test.run();
//# sourceMappingURL=http-load.test.js.map