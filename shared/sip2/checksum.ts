/**
 * SIP2 error detection: the checksum after `AZ` is the two's complement of the 16-bit sum of
 * every byte before it, `AZ` included, written as four upper-case hex digits.
 */
export function checksumOf(bytes: Uint8Array): string {
  let sum = 0;
  for (const byte of bytes) sum = (sum + byte) & 0xffff;
  return ((-sum) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}
