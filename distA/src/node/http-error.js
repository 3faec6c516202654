export class HttpError extends Error {
    status;
    code;
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
export function sendError(reply, status, code, message, details) {
    return reply.code(status).send({ code: status, message, error: code, ...(details === undefined ? {} : { details }) });
}
//# sourceMappingURL=http-error.js.map