// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, translate } from '../../shared/i18n';
import type { Receipt } from '../session/session-types';
import { ReceiptView } from './ReceiptView';

const receipt = (recordedOffline: boolean): Receipt => ({
  libraryName: '城关图书馆',
  language: 'zh-CN',
  borrowed: [{ title: '红楼梦', dueAt: '2026-12-16T02:00:00.000Z' }],
  returned: [{ title: '三国演义' }],
  renewed: [],
  recordedOffline,
});

afterEach(cleanup);

describe('the printed receipt', () => {
  it('says a loan or return recorded offline will be confirmed, with the offline due date', () => {
    render(<ReceiptView receipt={receipt(true)} printedAt={new Date('2026-11-25T02:00:00.000Z')} />);
    expect(screen.getByText(translate('zh-CN', 'receipt.offline'))).toBeTruthy();
    expect(screen.getByText(translate('zh-CN', 'item.due', { date: formatDate('zh-CN', '2026-12-16T02:00:00.000Z') }))).toBeTruthy();
  });

  it('says nothing of it when everything went through the hub', () => {
    render(<ReceiptView receipt={receipt(false)} printedAt={new Date('2026-11-25T02:00:00.000Z')} />);
    expect(screen.queryByText(translate('zh-CN', 'receipt.offline'))).toBeNull();
  });
});
