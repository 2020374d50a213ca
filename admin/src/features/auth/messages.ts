import { defineMessages } from '../../app/i18n.tsx';

export const authMessages = defineMessages({
  'zh-CN': {
    title: '科协工作平台',
    subtitle: '管理后台登录',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    switchLanguage: 'English',
  },
  'en-US': {
    title: 'kexie',
    subtitle: 'Sign in to the admin console',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
    switchLanguage: '中文',
  },
});
