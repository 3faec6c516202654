/**
 * One JSON answer written piece by piece: text pieces (any Unicode) and ASCII-only pieces (base64
 * of a tx's bytes). The answer is one string, or — once it holds a big ASCII piece — its UTF-8
 * bytes, with that piece copied in as it is.
 *
 * PERF: a string answer is scanned twice more before it reaches the socket (fastify measures its
 * UTF-8 length, the socket encodes it), and on Node 20 both passes are scalar: ~4 ns a character,
 * 0.7 ms each for the 176 KB answer of a 132 KB tx — which holds up every request queued behind
 * it. Bytes skip both, and the base64 (ASCII by construction) goes in by a latin1 copy. For small
 * answers the string is the cheaper form: a send's answer (1.2 KB) took ~155 µs over loopback as
 * a string and ~180 µs as bytes, an accounttxs page of 100 txs (75 KB) ~1.0 vs ~1.1 ms; the 132 KB
 * tx ~4.5 ms vs ~2 ms (alternated runs, 2026-12-04). Hence bytes only past BIG_ASCII.
 */
const BIG_ASCII = 16_384;

export class JsonOut {
  private pending: string[] = [];
  private bytes: Buffer[] | undefined;

  /** Append JSON text. */
  text(piece: string): this {
    this.pending.push(piece);
    return this;
  }

  /** Append text known to be ASCII (base64, hex): a big piece is copied byte for byte, never encoded. */
  ascii(piece: string): this {
    if (piece.length < BIG_ASCII) return this.text(piece);
    this.flushed().push(Buffer.from(piece, 'latin1'));
    return this;
  }

  /** The answer: a string, or its UTF-8 bytes when it holds a big ASCII piece. */
  done(): string | Buffer {
    return this.bytes === undefined ? this.pending.join('') : Buffer.concat(this.flushed());
  }

  /** The bytes so far, the pending text encoded onto their end. */
  private flushed(): Buffer[] {
    this.bytes ??= [];
    if (this.pending.length > 0) this.bytes.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    return this.bytes;
  }
}
