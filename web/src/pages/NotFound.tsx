import { useEffect } from 'preact/hooks';

export function NotFound() {
  useEffect(() => {
    document.title = 'Page not found · Reading room';
  }, []);
  return (
    <>
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <a href="/">Search the releases</a> or <a href="/countries">browse the countries</a>.
      </p>
    </>
  );
}
