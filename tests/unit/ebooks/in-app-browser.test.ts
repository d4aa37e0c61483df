import { describe, expect, it } from 'vitest';
import { inAppBrowserOf } from '../../../server/ebooks/in-app-browser';
import { DOWNLOADING_USER_AGENTS, IN_APP_USER_AGENTS } from './user-agents';

describe('in-app browsers, by user agent', () => {
  it.each([
    ['wechatAndroid', 'wechat'],
    ['wechatIos', 'wechat'],
    ['wechatX5', 'wechat'],
    ['wecom', 'wechat'],
    ['alipayAndroid', 'alipay'],
    ['alipayIos', 'alipay'],
    ['qqAndroid', 'qq'],
    ['qqIos', 'qq'],
    ['weiboAndroid', 'weibo'],
    ['weiboIos', 'weibo'],
    ['dingtalk', 'dingtalk'],
    ['douyin', 'douyin'],
  ] as const)('%s is %s', (name, app) => {
    expect(inAppBrowserOf(IN_APP_USER_AGENTS[name])).toBe(app);
  });

  it.each(Object.entries(DOWNLOADING_USER_AGENTS))('%s downloads: no hint', (_, userAgent) => {
    expect(inAppBrowserOf(userAgent)).toBeNull();
  });

  it('no user agent, or an empty one, is a browser that downloads', () => {
    expect(inAppBrowserOf(undefined)).toBeNull();
    expect(inAppBrowserOf('')).toBeNull();
  });
});
