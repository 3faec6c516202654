/**
 * The public query API, and nothing else: every answer the explorer shows comes from one of
 * these POSTs (pocket-core's /v1/query/* routes and the ledger's rewards, rapsheet, claims and
 * supplyhistory). A 4xx/5xx answer is the service's `{code, message, error, details}` shape.
 */
export class ApiError extends Error {
    status;
    code;
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
export async function query(route, body = {}) {
    const response = await fetch(`/v1/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) {
        let answer = {};
        try {
            answer = JSON.parse(text);
        }
        catch {
            // not JSON: keep the status line
        }
        throw new ApiError(response.status, answer.error ?? 'http_error', answer.message ?? `${route}: HTTP ${response.status}`);
    }
    return JSON.parse(text);
}
