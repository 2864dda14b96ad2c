import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { isPlainClick, navigate } from '../router/router';

/** An ordinary link whose plain clicks navigate inside the app without reloading. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (!isPlainClick(e)) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
