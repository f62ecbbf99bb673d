/** Chinese, the console's first language; its keys are the set every dictionary must fill. */
export const zhCN = {
  'app.name': '工件位置',
  'nav.label': '主导航',
  'nav.workpieces': '工件',
  'lang.switch': '切换语言',

  'auth.title': '登录',
  'auth.subtitle': '请使用工厂账号登录',
  'auth.username': '用户名',
  'auth.password': '密码',
  'auth.submit': '登录',
  'auth.submitting': '正在登录…',
  'auth.usernameRequired': '请输入用户名',
  'auth.passwordRequired': '请输入密码',
  'auth.logout': '退出登录',
  'auth.signedInAs': '当前用户',

  'workpieces.title': '工件',
  'workpieces.search': '搜索工件编号',
  'workpieces.searchHint': '例如 18-546',
  'workpieces.total': '共 {count} 件',
  'workpieces.code': '工件编号',
  'workpieces.description': '描述',
  'workpieces.location': '位置',
  'workpieces.placedAt': '放置时间',
  'workpieces.placedBy': '放置人',
  'workpieces.notPlaced': '未放置',
  'workpieces.loading': '正在加载工件…',
  'workpieces.empty': '还没有工件',
  'workpieces.noMatch': '没有编号匹配“{q}”的工件',
  'workpieces.loadFailed': '工件列表加载失败',

  'common.retry': '重试',
  'common.close': '关闭',
  'errors.network': '网络错误，请稍后重试',

  'paginator.itemsPerPage': '每页条数',
  'paginator.nextPage': '下一页',
  'paginator.previousPage': '上一页',
  'paginator.firstPage': '第一页',
  'paginator.lastPage': '最后一页',
  'paginator.range': '第 {start}–{end} 条，共 {length} 条',
  'paginator.rangeEmpty': '共 0 条',
} as const;

/** A key of the console's dictionaries, e.g. `workpieces.notPlaced`. */
export type MessageKey = keyof typeof zhCN;

/** English, the console's second language. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Workpiece Locator',
  'nav.label': 'Main navigation',
  'nav.workpieces': 'Workpieces',
  'lang.switch': 'Switch language',

  'auth.title': 'Sign in',
  'auth.subtitle': 'Use your factory account',
  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.submitting': 'Signing in…',
  'auth.usernameRequired': 'Enter your username',
  'auth.passwordRequired': 'Enter your password',
  'auth.logout': 'Sign out',
  'auth.signedInAs': 'Signed in as',

  'workpieces.title': 'Workpieces',
  'workpieces.search': 'Search workpiece code',
  'workpieces.searchHint': 'e.g. 18-546',
  'workpieces.total': '{count} in total',
  'workpieces.code': 'Code',
  'workpieces.description': 'Description',
  'workpieces.location': 'Location',
  'workpieces.placedAt': 'Placed at',
  'workpieces.placedBy': 'Placed by',
  'workpieces.notPlaced': 'Not placed',
  'workpieces.loading': 'Loading workpieces…',
  'workpieces.empty': 'No workpieces yet',
  'workpieces.noMatch': 'No workpiece code matches “{q}”',
  'workpieces.loadFailed': 'Could not load the workpieces',

  'common.retry': 'Retry',
  'common.close': 'Close',
  'errors.network': 'Network error, please try again',

  'paginator.itemsPerPage': 'Items per page',
  'paginator.nextPage': 'Next page',
  'paginator.previousPage': 'Previous page',
  'paginator.firstPage': 'First page',
  'paginator.lastPage': 'Last page',
  'paginator.range': '{start}–{end} of {length}',
  'paginator.rangeEmpty': '0 of 0',
};
