/** Simplified Chinese: the default language. Every key here must exist in en.ts (the type checker enforces it). */
export const zhCN = {
  'app.title': '自助借还机',
  'language.switch': 'English',
  'language.switch.label': '切换到英文',
  'largeText.on': '大字模式',
  'largeText.off': '标准字号',

  // refusal codes (shared/circulation/codes.ts)
  'code.card.unknown': '没有找到这张读者证，请检查证号或到服务台咨询。',
  'code.card.locked': '密码错误次数过多，这张读者证已暂时锁定，请 {minutes} 分钟后再试或到服务台咨询。',
  'code.pin.wrong': '密码不正确，还可以再试 {attemptsLeft} 次。',
  'code.pin.weak': '这个密码太简单了，请换一个：4 到 6 位数字，不要全部相同，也不要连续数字。',
  'code.pin.changeRequired': '请先设置一个新密码。',
  'code.patron.blocked': '您的借阅权限暂停，现在不能借书或续借，但可以还书。',
  'code.patron.limitReached': '您已达到可借数量上限，请先还书。',
  'code.item.unknown': '没有找到这本书，请交给服务台。',
  'code.item.onLoanToOther': '这本书显示已被借出，请交给服务台处理。',
  'code.item.alreadyOnLoanToYou': '这本书已经借在您的名下。',
  'code.item.reservedForOther': '这本书已被其他读者预约，暂时不能借出。',
  'code.item.notForLoan': '这本书仅供馆内阅览，不能外借。',
  'code.item.notOnLoan': '这本书没有借出记录，请放回书架或交给服务台。',
  'code.renew.limitReached': '已达到续借次数上限。',
  'code.renew.onHold': '有其他读者预约了这本书，不能续借。',
  'code.renew.notOnLoanToYou': '这本书不在您的借阅记录中。',
  'code.staff.invalidCredentials': '用户名或密码不正确。',
  'code.session.expired': '登录已过期，请重新登录。',
  'code.kiosk.unknown': '这台自助机尚未登记，请联系工作人员。',
  'code.request.invalid': '无法识别这个条码，请再扫一次。',
  'code.rate.limited': '操作太频繁，请稍等片刻再试。',
  'code.ils.unavailable': '图书馆系统暂时无法连接，请稍后再试或到服务台办理。',
  'code.network.offline': '网络连接中断，请稍后再试或到服务台办理。',
  'code.internal': '系统出了点问题，请稍后再试或到服务台办理。',

  // block reasons (shared/circulation/codes.ts)
  'block.cardExpired': '读者证已过期，请到服务台续证。',
  'block.overdue': '有图书逾期超过 {days} 天，请先归还。',
  'block.fines': '欠款超过上限，请到服务台缴纳。',
  'block.manual': '您的读者证已被图书馆暂停使用，请到服务台咨询。',

  'disposition.shelf': '已还，可以放回还书车。',
  'disposition.hold': '已还，这本书有人预约，请放在预约书架上。',

  // admin panel
  'admin.title': '图书馆自助设备管理',
  'admin.username': '用户名',
  'admin.password': '密码',
  'admin.signIn': '登录',
  'admin.signedIn': '已登录：{username}。设备配置、数据导入和统计功能即将推出。',
} as const;

export type MessageKey = keyof typeof zhCN;
