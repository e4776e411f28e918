import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { isChinese } from './i18n';

/** Ant Design in the app's language (zh-CN or en-US), following the language switch. */
export function AntdLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={isChinese(i18n.language) ? zhCN : enUS}
      // "定位", not "定 位"
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 6, fontSize: 13 } }}
    >
      {children}
    </ConfigProvider>
  );
}
