export { isValidLuhn, isValidMod10, isValidMod11, luhnCheckDigit, mod10CheckDigit, mod11CheckDigit } from './check-digits';
export { classifyScan, type ScanClassification, ScanRules } from './classify';
export { stripCodabarStartStop } from './codabar';
export { isValidEan13, isValidEan8, isValidUpcA, upcAToEan13 } from './ean';
export { isbn10CheckDigit, isbn10To13, isbn13CheckDigit, isbn13To10, isValidIsbn10, isValidIsbn13, parseIsbn } from './isbn';
export {
  acceptedScan,
  ANY_PRINTABLE_RULE,
  BARCODE_REJECTIONS,
  BarcodeRule,
  BarcodeRules,
  type BarcodeRejection,
  type BarcodeValidation,
  CHECK_DIGIT_ALGORITHMS,
  type CheckDigitAlgorithm,
  DEFAULT_CARD_RULE,
  DEFAULT_ITEM_RULE,
  MAX_BARCODE_LENGTH,
  PRINTABLE_ASCII,
  validateBarcode,
} from './rules';
