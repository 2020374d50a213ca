import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './auth.tsx';
import { LocaleProvider, useLocale } from './i18n.tsx';
import { router } from './router.tsx';

// antd's locale must come from antd/es under Vite, or it silently stays English.
const antdLocales = { 'zh-CN': zhCN, 'en-US': enUS };

// Darker than antd's defaults where those fall below WCAG AA contrast (4.5:1) on white.
const theme = { token: { colorPrimary: '#1560bd', colorLink: '#1560bd', colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextTertiary: 'rgba(0, 0, 0, 0.6)', colorError: '#cf1322', borderRadius: 4 } };

function Localised() {
  const { locale } = useLocale();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ConfigProvider locale={antdLocales[locale]} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Localised />
    </LocaleProvider>
  );
}
