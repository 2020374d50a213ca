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

function Localised() {
  const { locale } = useLocale();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ConfigProvider locale={antdLocales[locale]} theme={{ token: { colorPrimary: '#1560bd', borderRadius: 4 } }}>
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
