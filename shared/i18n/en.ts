import type { MessageKey } from './zh-CN';

/** English, the second language. */
export const en: Record<MessageKey, string> = {
  'app.title': 'Self-service station',
  'language.switch': '中文',
  'language.switch.label': 'Switch to Chinese',
  'largeText.on': 'Large text',
  'largeText.off': 'Normal text',

  'code.card.unknown': 'We could not find this library card. Please check the number or ask at the service desk.',
  'code.card.locked': 'Too many wrong PINs: this card is locked for now. Please try again in {minutes} minutes or ask at the service desk.',
  'code.pin.wrong': 'That PIN is not right. You have {attemptsLeft} tries left.',
  'code.pin.weak': 'That PIN is too easy to guess. Choose 4 to 6 digits, not all the same and not in a row.',
  'code.pin.changeRequired': 'Please choose a new PIN first.',
  'code.patron.blocked': 'Your borrowing is paused: you cannot borrow or renew now, but you can return books.',
  'code.patron.limitReached': 'You have reached the most items you can borrow. Please return some first.',
  'code.item.unknown': 'We could not find this item. Please take it to the service desk.',
  'code.item.onLoanToOther': 'This item is on loan to someone else. Please take it to the service desk.',
  'code.item.alreadyOnLoanToYou': 'You already have this item on loan.',
  'code.item.reservedForOther': 'Another reader has reserved this item, so it cannot be borrowed now.',
  'code.item.notForLoan': 'This item is for use in the library only.',
  'code.item.notOnLoan': 'This item was not on loan. Put it back on the shelf or take it to the service desk.',
  'code.renew.limitReached': 'This item cannot be renewed again.',
  'code.renew.onHold': 'Another reader has reserved this item, so it cannot be renewed.',
  'code.renew.notOnLoanToYou': 'This item is not on your loans.',
  'code.staff.invalidCredentials': 'The username or password is not right.',
  'code.session.expired': 'Your session has ended. Please sign in again.',
  'code.kiosk.unknown': 'This station is not registered yet. Please ask a member of staff.',
  'code.request.invalid': 'That barcode could not be read. Please scan it again.',
  'code.rate.limited': 'Too many tries at once. Please wait a moment.',
  'code.ils.unavailable': 'The library system cannot be reached. Please try again later or ask at the service desk.',
  'code.network.offline': 'The network is down. Please try again later or ask at the service desk.',
  'code.internal': 'Something went wrong. Please try again later or ask at the service desk.',

  'block.cardExpired': 'Your library card has expired. Please renew it at the service desk.',
  'block.overdue': 'You have items more than {days} days overdue. Please return them first.',
  'block.fines': 'Your fines are over the limit. Please pay them at the service desk.',
  'block.manual': 'Your card has been suspended by the library. Please ask at the service desk.',

  'disposition.shelf': 'Returned. Please put it on the returns trolley.',
  'disposition.hold': 'Returned. Someone has reserved it: please put it on the holds shelf.',

  'admin.title': 'Library kiosk administration',
  'admin.username': 'Username',
  'admin.password': 'Password',
  'admin.signIn': 'Sign in',
  'admin.signedIn': 'Signed in as {username}. Kiosk settings, imports and statistics are coming soon.',
};
