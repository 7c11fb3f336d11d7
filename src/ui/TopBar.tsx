// Site chrome: brand, language and theme. Hidden on embed pages.
import type { ReactNode } from 'react'
import { navigate } from '../app/route.ts'
import { STRINGS } from './i18n.ts'
import { usePrefs } from './state/prefs.ts'
import { themePage, useTheme } from './state/theme.ts'

export function TopBar({ children }: { children?: ReactNode }) {
  const { lang, setLang, chooseTheme } = usePrefs()
  const theme = useTheme()
  const t = STRINGS[lang]
  return (
    <header className="topbar">
      <a className="brand" href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
        <img src="/favicon.svg" alt="" width={22} height={22} />
        {t.appName}
      </a>
      {children}
      <span className="spacer" />
      <label>
        {t.language}
        <select value={lang} onChange={(e) => setLang(e.target.value as 'ko' | 'en')} aria-label={t.language}>
          <option value="ko">한국어</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>
        {t.theme}
        <select value={theme} onChange={(e) => chooseTheme(e.target.value as 'light' | 'dark', themePage())} aria-label={t.theme}>
          <option value="light">{t.light}</option>
          <option value="dark">{t.dark}</option>
        </select>
      </label>
    </header>
  )
}
