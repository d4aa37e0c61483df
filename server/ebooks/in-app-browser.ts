/**
 * Which in-app browser a phone page was opened in, by user agent, where that browser is known
 * not to download files (or to drop them where a patron never finds them). The phone page
 * then tells the patron how to open it in the phone's own browser before they tap Download.
 * The first matching row wins: WeChat's Android shell also says MQQBrowser, DingTalk says AliApp.
 */
export type InAppBrowser = 'wechat' | 'alipay' | 'dingtalk' | 'qq' | 'weibo' | 'douyin';

const IN_APP_BROWSERS: readonly (readonly [InAppBrowser, RegExp])[] = [
  // WeChat and WeCom (wxwork), every platform.
  ['wechat', /\bMicroMessenger\//i],
  ['alipay', /\bAlipayClient\//i],
  ['dingtalk', /\bDingTalk\b/i],
  // The QQ app's own pages say `QQ/<version>`; the standalone QQ Browser (`MQQBrowser/` alone) downloads fine.
  ['qq', /(?:^|\s)QQ\/\d/],
  ['weibo', /(?:^|\s)Weibo\b|__weibo__/i],
  // Douyin (TikTok China) and the other ByteDance apps' web view.
  ['douyin', /\baweme(?:_\d+)?\b|\bBytedanceWebview\//i],
];

export function inAppBrowserOf(userAgent: string | undefined): InAppBrowser | null {
  if (!userAgent) return null;
  return IN_APP_BROWSERS.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? null;
}
