export class HttpError extends Error {
    status;
    code;
    details;
    constructor(status, code, message, details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }
}
export function sendError(reply, status, code, message, details) {
    return reply.code(status).send({ code: status, message, error: code, ...(details === undefined ? {} : { details }) });
}
//# sourceMappingURL=http-error.js.map