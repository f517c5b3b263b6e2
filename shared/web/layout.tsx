/** @jsxImportSource hono/jsx */
// The frame of every page: header with the navigation, one <main> with the page's h1, a footer
// naming the store. Styles and scripts come only from /assets/ (the Content-Security-Policy allows
// nothing else), so no page carries inline script or style.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

const NAV: [href: string, label: string][] = [
  ['/', 'Overview'],
  ['/articles', 'Articles'],
  ['/stories', 'Stories'],
  ['/trends', 'Trends'],
  ['/map', 'Map'],
  ['/rules', 'Rules'],
  ['/alerts', 'Alerts'],
  ['/feeds', 'Feeds'],
];

/** Props of the page frame: the h1 and <title>, the current section for the navigation, extra scripts. */
export interface LayoutProps {
  title: string;
  section?: string;
  where?: string;
  scripts?: string[];
  styles?: string[];
  children?: Child;
}

/** The HTML document around a page's content. */
export function Layout(p: LayoutProps) {
  return (
    <>
    {raw('<!DOCTYPE html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${p.title} · news-monitor`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/keys.js" defer></script>
        {(p.styles ?? []).map((s) => (
          <link rel="stylesheet" href={s} />
        ))}
        {(p.scripts ?? []).map((s) => (
          <script src={s} defer></script>
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href="/">
            news-monitor
          </a>
          <nav aria-label="Sections">
            <ul>
              {NAV.map(([href, label]) => (
                <li>
                  <a href={href} aria-current={p.section === href ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{p.title}</h1>
          {p.children}
        </main>
        <footer class="foot">
          {p.where ? `Data: ${p.where}. ` : ''}Read-only view; no login: keep it on 127.0.0.1. Keys: / search, j and k next and previous item.
        </footer>
      </body>
    </html>
    </>
  );
}
