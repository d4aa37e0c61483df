/**
 * Page object for the self-checkout kiosk: journeys read as a patron would do them.
 * The kiosk marks its current screen with `<main data-screen="…">`. Journeys get it as the
 * `kiosk` fixture (fixtures.ts); `press` taps on a touch screen and clicks elsewhere.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'zh-CN' | 'en';
export type Pointer = 'click' | 'tap';

export const DEMO = {
  active: { card: '20140001', pin: '2580' },
  mustChangePin: { card: '20140002', pin: '123456' },
  blocked: { card: '20140003', pin: '1357' },
  holder: { card: '20140004', pin: '8642' },
} as const;

const names = {
  'zh-CN': { borrow: '借书', return: '还书', loans: '我的借阅', renew: '续借', finish: '完成', stillHere: '我还在', ok: '确定' },
  en: { borrow: 'Borrow', return: 'Return', loans: 'My loans', renew: 'Renew', finish: 'Finish', stillHere: "I'm still here", ok: 'OK' },
} as const;

export class KioskPage {
  constructor(
    readonly page: Page,
    readonly lang: Lang = 'zh-CN',
    readonly pointer: Pointer = 'click',
  ) {}

  get names() {
    return names[this.lang];
  }

  async open() {
    await this.page.goto(this.lang === 'en' ? '/kiosk/?lang=en' : '/kiosk/');
    await this.expectScreen('attract');
  }

  main() {
    return this.page.locator('main[data-screen]');
  }

  async expectScreen(screen: string, timeout?: number) {
    await expect(this.main()).toHaveAttribute('data-screen', screen, { timeout });
  }

  /** The goodbye screen goes back to the attract screen by itself after a few seconds. */
  async expectGoodbyeThenAttract() {
    await this.expectScreen('goodbye');
    await this.expectScreen('attract', 10_000);
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Presses a button by its name, or the element given, as a patron does: a tap on a touch screen. */
  async press(target: string | Locator) {
    const element = typeof target === 'string' ? this.button(target) : target;
    await (this.pointer === 'tap' ? element.tap() : element.click());
  }

  /** A USB barcode scanner is a keyboard: it types the code and presses Enter, with no field focused. */
  async scan(code: string) {
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }

  async typeOnPad(digits: string) {
    for (const digit of digits) await this.press(digit);
  }

  /** Signs in by scanning the card and typing the PIN on the on-screen pad. */
  async signIn(card: string, pin: string) {
    await this.scan(card);
    await this.expectScreen('pin');
    await this.typeOnPad(pin);
    await this.press(this.names.ok);
  }

  rows(kind: 'borrow-row' | 'return-row' | 'loan-row') {
    return this.page.getByTestId(kind);
  }

  row(kind: 'borrow-row' | 'return-row' | 'loan-row', barcode: string) {
    return this.page.locator(`[data-testid="${kind}"][data-barcode="${barcode}"]`);
  }
}
