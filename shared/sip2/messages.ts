/**
 * The SIP2 messages a self-service station uses, as the 2.00 standard lays them out: a two-digit
 * code, fixed-length fields in a fixed order, then variable fields `XXvalue|` in any order.
 */

/** Fixed fields of each message, in order, with their lengths. */
export const FIXED_FIELDS = {
  // login, status, resend
  '93': [['uidAlgorithm', 1], ['pwdAlgorithm', 1]],
  '94': [['ok', 1]],
  '99': [['statusCode', 1], ['maxPrintWidth', 3], ['protocolVersion', 4]],
  '98': [
    ['onLine', 1], ['checkinOk', 1], ['checkoutOk', 1], ['renewalPolicy', 1], ['statusUpdateOk', 1], ['offLineOk', 1],
    ['timeoutPeriod', 3], ['retriesAllowed', 3], ['dateTimeSync', 18], ['protocolVersion', 4],
  ],
  '97': [],
  '96': [],
  // patrons
  '23': [['language', 3], ['transactionDate', 18]],
  '24': [['patronStatus', 14], ['language', 3], ['transactionDate', 18]],
  '63': [['language', 3], ['transactionDate', 18], ['summary', 10]],
  '64': [
    ['patronStatus', 14], ['language', 3], ['transactionDate', 18], ['holdItemsCount', 4], ['overdueItemsCount', 4],
    ['chargedItemsCount', 4], ['fineItemsCount', 4], ['recallItemsCount', 4], ['unavailableHoldsCount', 4],
  ],
  '35': [['transactionDate', 18]],
  '36': [['endSession', 1], ['transactionDate', 18]],
  // circulation
  '11': [['renewalPolicy', 1], ['noBlock', 1], ['transactionDate', 18], ['nbDueDate', 18]],
  '12': [['ok', 1], ['renewalOk', 1], ['magneticMedia', 1], ['desensitize', 1], ['transactionDate', 18]],
  '09': [['noBlock', 1], ['transactionDate', 18], ['returnDate', 18]],
  '10': [['ok', 1], ['resensitize', 1], ['magneticMedia', 1], ['alert', 1], ['transactionDate', 18]],
  '29': [['thirdPartyAllowed', 1], ['noBlock', 1], ['transactionDate', 18], ['nbDueDate', 18]],
  '30': [['ok', 1], ['renewalOk', 1], ['magneticMedia', 1], ['desensitize', 1], ['transactionDate', 18]],
  '65': [['transactionDate', 18]],
  '66': [['ok', 1], ['renewedCount', 4], ['unrenewedCount', 4], ['transactionDate', 18]],
  '17': [['transactionDate', 18]],
  '18': [['circulationStatus', 2], ['securityMarker', 2], ['feeType', 2], ['transactionDate', 18]],
} as const satisfies Record<string, ReadonlyArray<readonly [string, number]>>;

export type Sip2Code = keyof typeof FIXED_FIELDS;
type FixedNames<C extends Sip2Code> = (typeof FIXED_FIELDS)[C][number][0];

export function isKnownCode(code: string): code is Sip2Code {
  return Object.hasOwn(FIXED_FIELDS, code);
}

/** One message. Variable fields keep their order; an id may repeat (AU, AF, AG…). */
export interface Sip2Message<C extends Sip2Code = Sip2Code> {
  code: C;
  fixed: Record<FixedNames<C>, string>;
  fields: Array<[id: string, value: string]>;
}

/** A message whose code is not known statically (what the decoder gives). */
export interface AnySip2Message {
  code: Sip2Code;
  fixed: Readonly<Record<string, string>>;
  fields: Array<[id: string, value: string]>;
}

/** The reply each request expects. */
export const REPLY_TO = {
  '93': '94', '99': '98', '23': '24', '63': '64', '35': '36',
  '11': '12', '09': '10', '29': '30', '65': '66', '17': '18',
} as const satisfies Partial<Record<Sip2Code, Sip2Code>>;
export type Sip2RequestCode = keyof typeof REPLY_TO;

/** Variable field ids (two letters), named as in the standard. */
export const FIELD = {
  patronId: 'AA',
  itemId: 'AB',
  terminalPassword: 'AC',
  patronPassword: 'AD',
  personalName: 'AE',
  screenMessage: 'AF',
  printLine: 'AG',
  dueDate: 'AH',
  titleId: 'AJ',
  libraryName: 'AM',
  terminalLocation: 'AN',
  institutionId: 'AO',
  currentLocation: 'AP',
  permanentLocation: 'AQ',
  holdItems: 'AS',
  overdueItems: 'AT',
  chargedItems: 'AU',
  fineItems: 'AV',
  sequenceNumber: 'AY',
  checksum: 'AZ',
  homeAddress: 'BD',
  emailAddress: 'BE',
  homePhone: 'BF',
  owner: 'BG',
  currencyType: 'BH',
  cancel: 'BI',
  validPatron: 'BL',
  renewedItems: 'BM',
  unrenewedItems: 'BN',
  feeAcknowledged: 'BO',
  startItem: 'BP',
  endItem: 'BQ',
  feeType: 'BT',
  recallItems: 'BU',
  feeAmount: 'BV',
  supportedMessages: 'BX',
  holdItemsLimit: 'BZ',
  overdueItemsLimit: 'CA',
  chargedItemsLimit: 'CB',
  unavailableHoldItems: 'CD',
  holdQueueLength: 'CF',
  itemProperties: 'CH',
  securityInhibit: 'CI',
  recallDate: 'CJ',
  mediaType: 'CK',
  sortBin: 'CL',
  holdPickupDate: 'CM',
  loginUserId: 'CN',
  loginPassword: 'CO',
  locationCode: 'CP',
  validPatronPassword: 'CQ',
  collectionCode: 'CR',
  callNumber: 'CS',
  destinationLocation: 'CT',
  alertType: 'CV',
  holdPatronId: 'CY',
  holdPatronName: 'DA',
} as const;

/** Positions in the 14-character patron status of 24 and 64: 'Y' means the condition holds. */
export const PATRON_STATUS_FLAGS = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyRenewals',
  'tooManyClaimsOfItemsReturned',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
] as const;
export type PatronStatusFlag = (typeof PATRON_STATUS_FLAGS)[number];

/** Positions in the 10-character summary of 63: which list the reply should carry (one at a time). */
export const SUMMARY_LISTS = ['holdItems', 'overdueItems', 'chargedItems', 'fineItems', 'recallItems', 'unavailableHolds'] as const;
export type SummaryList = (typeof SUMMARY_LISTS)[number];

/** Circulation status of 18 Item Information. */
export const CIRCULATION_STATUS = {
  other: '01',
  onOrder: '02',
  available: '03',
  charged: '04',
  chargedNotRecallable: '05',
  inProcess: '06',
  recalled: '07',
  waitingOnHoldShelf: '08',
  waitingToBeReshelved: '09',
  inTransit: '10',
  claimedReturned: '11',
  lost: '12',
  missing: '13',
} as const;

/** Alert types (CV) of 10 Checkin. */
export const ALERT_TYPE = { unknown: '00', localHold: '01', remoteHold: '02', illTransit: '03', transit: '04', other: '99' } as const;
