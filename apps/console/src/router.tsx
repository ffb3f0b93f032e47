import { AnchorHTMLAttributes, MouseEvent, useEffect, useState } from 'react';

/** A few routes need no router library: the path is the state, history holds it. */
export function navigate(to: string) {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname + window.location.search);
  useEffect(() => {
    const update = () => setPath(window.location.pathname + window.location.search);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  const current = window.location.pathname === to.split('?')[0];
  return <a href={to} onClick={onClick} aria-current={current ? 'page' : undefined} {...rest} />;
}

/** Matches `/cases/:resource/:caseId` style patterns; undefined when the path is another. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const regex = new RegExp(
    `^${pattern.replace(/:(\w+)/g, (_m, name: string) => {
      names.push(name);
      return '([^/?]+)';
    })}(?:\\?.*)?$`,
  );
  const found = regex.exec(path);
  return found ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])])) : undefined;
}
