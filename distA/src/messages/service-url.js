/**
 * A node's service URL (ValidateServiceURL, x/nodes/types/util.go:22-47). Pocket-core
 * lower-cases the URL, requires net/url.ParseRequestURI to accept it, an "https://" or "http://"
 * prefix, exactly two ':' (so scheme://host:port, no path, no IPv6), an integer port in
 * 0..65535 and a '.' somewhere.
 *
 * We accept the same shape with a stricter host alphabet, so everything we accept pocket-core
 * accepts too: ASCII only, host = letters, digits and - . _ ~ ! $ & ' ( ) * + , ; = (RFC 3986
 * reg-name without %-escapes). Rejected here but accepted by Go (documented difference, all
 * pos:118): userinfo ("https://a.b@c.d:1"), %-escapes, the characters < > " [ ] in a host,
 * non-ASCII (Go's Unicode lower-casing differs from JavaScript's for a few code points), and
 * URLs shorter than 8 characters that ParseRequestURI accepts ("/a.b:1"), on which pocket-core
 * panics (u[:8], util.go:29 → sdk:1).
 *
 * Examples (TV-16, util_test.go:9-27): "https://foo.bar:8080" valid; "foo.bar:8080",
 * "ws://foo.bar:8080", "ws://foo.bar", "ws://foo.bar:66666", "https://foobar:8080" invalid.
 *
 * The handler additionally refuses URLs longer than 255 bytes (x/nodes/handler.go:56-61,
 * msg.go:308-313) — a stateful-path check kept there: see MAX_SERVICE_URL_BYTES.
 */
const SHAPE = /^(https?):\/\/([a-z0-9\-._~!$&'()*+,;=]*):([0-9]+)$/;
/** The handler-level limit (pocket returns pos:118 from the handler, after charging the fee). */
export const MAX_SERVICE_URL_BYTES = 255;
/** undefined when valid, else the reason (for the rejection log). */
export function serviceUrlProblem(url) {
    // eslint-disable-next-line no-control-regex
    if (!/^[\x00-\x7f]*$/.test(url))
        return 'service url must be ASCII';
    const lower = url.toLowerCase();
    const match = SHAPE.exec(lower);
    if (match === null)
        return 'service url must be http(s)://host:port';
    const port = match[3];
    // strconv.Atoi accepts leading zeros; compare the value (digits only, no sign here).
    const significant = port.replace(/^0+(?=.)/, '');
    if (significant.length > 5 || Number(significant) > 65_535)
        return 'invalid port, out of valid port range';
    if (!lower.includes('.'))
        return "must contain one '.'";
    return undefined;
}
export function isValidServiceUrl(url) {
    return serviceUrlProblem(url) === undefined;
}
//# sourceMappingURL=service-url.js.map