/**
 * Rejection codes of the crypto area: key files (keys.ts). pocket-core has no codes for
 * these (they never reach a block), so they live in their own `keyfile` codespace.
 * Numeric ids are never reused.
 */
import { defineCode } from '../core/rejection.js';
export const KeyFileCodes = {
    unreadable: defineCode('keyfile', 1, 'key_file_unreadable'),
    notJson: defineCode('keyfile', 2, 'key_file_not_json'),
    badShape: defineCode('keyfile', 3, 'key_file_bad_shape'),
    badHex: defineCode('keyfile', 4, 'key_file_bad_hex'),
    wrongLength: defineCode('keyfile', 5, 'key_file_wrong_length'),
    publicKeyMismatch: defineCode('keyfile', 6, 'key_file_public_key_mismatch'),
    addressMismatch: defineCode('keyfile', 7, 'key_file_address_mismatch'),
    exists: defineCode('keyfile', 8, 'key_file_exists'),
    unwritable: defineCode('keyfile', 9, 'key_file_unwritable'),
};
//# sourceMappingURL=codes.js.map