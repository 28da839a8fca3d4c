// The reading room: a front-end over the public GraphQL API for people who do not write GraphQL.
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { Search } from './pages/Search';
import { Release } from './pages/Release';
import { Country } from './pages/Country';
import { Countries } from './pages/Countries';
import { NotFound } from './pages/NotFound';
import './style.css';

/** The reading room's own paths; any other link (the playground at /graphql) is a normal page load. */
const ROUTES = /^\/(?:$|\?|release\/|country\/|countries(?:$|\?))/;

function Shell() {
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page (not a new filter on the same page) moves focus to the content, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [path]);

  return (
    <>
      <a class="skip" href="#content">
        Skip to content
      </a>
      <header class="site">
        <a class="brand" href="/">
          Press-release archive <span class="muted">reading room</span>
        </a>
        <nav aria-label="Main">
          <a href="/" aria-current={path === '/' ? 'page' : undefined}>
            Search
          </a>
          <a href="/countries" aria-current={path === '/countries' ? 'page' : undefined}>
            Countries
          </a>
          <a href="/graphql">GraphQL playground</a>
        </nav>
      </header>
      <main id="content" ref={main} tabIndex={-1}>
        <Router>
          <Route path="/" component={Search} />
          <Route path="/release/:slug" component={Release} />
          <Route path="/country/:code" component={Country} />
          <Route path="/countries" component={Countries} />
          <Route default component={NotFound} />
        </Router>
      </main>
      <footer class="site">
        Everything on this page comes from the public GraphQL API at <a href="/graphql">/graphql</a>, which answers the same questions for
        programs.
      </footer>
    </>
  );
}

render(
  <LocationProvider scope={ROUTES}>
    <Shell />
  </LocationProvider>,
  document.getElementById('app')!,
);
