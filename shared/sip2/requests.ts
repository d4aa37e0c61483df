/** Builders for what a self-service station sends. Dates are SIP2 dates already (formatSipDate). */
import { buildMessage } from './codec';
import { FIELD, SUMMARY_LISTS, type Sip2Message, type SummaryList } from './messages';

/** Who is asking: AO and, where the server wants one, AC. */
export interface Station {
  institutionId: string;
  terminalPassword: string;
}

const LANGUAGE_UNKNOWN = '000';
const NO = 'N';
const YES = 'Y';

export function loginRequest(user: string, password: string, location: string): Sip2Message<'93'> {
  // '0' and '0': user id and password are not encrypted (the standard's only defined algorithm).
  return buildMessage('93', { uidAlgorithm: '0', pwdAlgorithm: '0' }, [
    [FIELD.loginUserId, user],
    [FIELD.loginPassword, password],
    [FIELD.locationCode, location],
  ]);
}

export function scStatusRequest(maxPrintWidth = 80): Sip2Message<'99'> {
  return buildMessage('99', { statusCode: '0', maxPrintWidth: String(maxPrintWidth).padStart(3, '0'), protocolVersion: '2.00' });
}

/** Asks for the summary's list (charged items, holds…) or none. */
export function patronInformationRequest(
  station: Station,
  at: string,
  patronId: string,
  options: { patronPassword?: string; list?: SummaryList } = {},
): Sip2Message<'63'> {
  const summary = SUMMARY_LISTS.map((list) => (list === options.list ? 'Y' : ' ')).join('').padEnd(10, ' ');
  return buildMessage('63', { language: LANGUAGE_UNKNOWN, transactionDate: at, summary }, [
    [FIELD.institutionId, station.institutionId],
    [FIELD.patronId, patronId],
    [FIELD.terminalPassword, station.terminalPassword],
    [FIELD.patronPassword, options.patronPassword],
  ]);
}

export function patronStatusRequest(station: Station, at: string, patronId: string, patronPassword?: string): Sip2Message<'23'> {
  return buildMessage('23', { language: LANGUAGE_UNKNOWN, transactionDate: at }, [
    [FIELD.institutionId, station.institutionId],
    [FIELD.patronId, patronId],
    [FIELD.terminalPassword, station.terminalPassword],
    [FIELD.patronPassword, patronPassword],
  ]);
}

/**
 * `noBlockDueDate`: an offline checkout replayed in "no block" mode (the ILS must accept it), `at`
 * being when it happened and this the due date the station gave the patron.
 */
export function checkoutRequest(station: Station, at: string, patronId: string, itemId: string, noBlockDueDate?: string): Sip2Message<'11'> {
  const noBlock = noBlockDueDate === undefined ? { noBlock: NO, nbDueDate: ' '.repeat(18) } : { noBlock: YES, nbDueDate: noBlockDueDate };
  return buildMessage('11', { renewalPolicy: NO, ...noBlock, transactionDate: at }, [
    [FIELD.institutionId, station.institutionId],
    [FIELD.patronId, patronId],
    [FIELD.itemId, itemId],
    [FIELD.terminalPassword, station.terminalPassword],
  ]);
}

/** `noBlock`: an offline return replayed (the ILS must accept it), `at` being when it happened. */
export function checkinRequest(station: Station, at: string, itemId: string, currentLocation: string, noBlock = false): Sip2Message<'09'> {
  return buildMessage('09', { noBlock: noBlock ? YES : NO, transactionDate: at, returnDate: at }, [
    [FIELD.currentLocation, currentLocation],
    [FIELD.institutionId, station.institutionId],
    [FIELD.itemId, itemId],
    [FIELD.terminalPassword, station.terminalPassword],
  ]);
}

export function renewRequest(station: Station, at: string, patronId: string, itemId: string): Sip2Message<'29'> {
  return buildMessage('29', { thirdPartyAllowed: NO, noBlock: NO, transactionDate: at, nbDueDate: ' '.repeat(18) }, [
    [FIELD.institutionId, station.institutionId],
    [FIELD.patronId, patronId],
    [FIELD.itemId, itemId],
    [FIELD.terminalPassword, station.terminalPassword],
  ]);
}

export function renewAllRequest(station: Station, at: string, patronId: string): Sip2Message<'65'> {
  return buildMessage('65', { transactionDate: at }, [
    [FIELD.institutionId, station.institutionId],
    [FIELD.patronId, patronId],
    [FIELD.terminalPassword, station.terminalPassword],
  ]);
}

export function itemInformationRequest(station: Station, at: string, itemId: string): Sip2Message<'17'> {
  return buildMessage('17', { transactionDate: at }, [
    [FIELD.institutionId, station.institutionId],
    [FIELD.itemId, itemId],
    [FIELD.terminalPassword, station.terminalPassword],
  ]);
}

export function endPatronSessionRequest(station: Station, at: string, patronId: string): Sip2Message<'35'> {
  return buildMessage('35', { transactionDate: at }, [
    [FIELD.institutionId, station.institutionId],
    [FIELD.patronId, patronId],
    [FIELD.terminalPassword, station.terminalPassword],
  ]);
}
