// The map's popups, built as DOM nodes with text (never HTML): a site's (its organization, its
// categories and, asked on opening, its services) and a cluster's whose sites share one spot.
import i18next from 'i18next';
import { fetchGql } from '../shared/api/query';
import { apiLang, localeTag, localizedIn, type Lang } from '../shared/i18n/lang';
import { el } from '../shared/map/leaflet';
import { isPlainClick, navigate, orgPath } from '../shared/router/router';
import type { CategoryNode } from '../shared/categories';
import type { ClusterItem } from './cluster';
import { OrganizationPopupQuery } from './operations';

export type PointItem = Extract<ClusterItem, { kind: 'point' }>;

/** Marks an element whose text is in another language than the UI's (WCAG 3.1.2). */
export function markLang<E extends HTMLElement>(e: E, textLang: Lang | undefined, uiLang: Lang): E {
  if (textLang && textLang !== uiLang) e.lang = localeTag(textLang);
  return e;
}

function profileLink(id: string, label: string): HTMLAnchorElement {
  const a = el('a', 'popup-profile', label);
  a.href = orgPath(id);
  a.addEventListener('click', (e) => {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    navigate(a.getAttribute('href')!);
  });
  return a;
}

export function pointPopup(item: PointItem, lang: Lang, categories: Map<string, CategoryNode> | undefined): HTMLElement {
  const root = el('div', 'popup');
  root.setAttribute('data-org-id', item.organizationId);
  root.append(markLang(el('h3', 'popup-title', item.name), item.nameLang, lang));
  if (item.verified) root.append(el('span', 'badge badge-verified', i18next.t('map.verified')));
  if (categories && item.categoryCodes.length) {
    root.append(el('p', 'popup-categories', item.categoryCodes.map((c) => categories.get(c)?.name ?? c).join(' · ')));
  }
  root.append(el('h4', undefined, i18next.t('map.services')));
  const list = el('ul', 'popup-services');
  const status = el('p', 'popup-status', i18next.t('map.loadingServices'));
  root.append(status, list);
  fetchGql(OrganizationPopupQuery, { id: item.organizationId, lang: apiLang(lang) }).then(
    (d) => {
      const services = d.organization?.services ?? [];
      status.remove();
      if (!services.length) list.replaceWith(el('p', undefined, i18next.t('map.noServices')));
      for (const s of services) {
        const name = localizedIn(s.names, lang);
        if (name) list.append(markLang(el('li', undefined, name.text), name.lang, lang));
      }
    },
    () => status.remove(),
  );
  root.append(profileLink(item.organizationId, i18next.t('map.viewProfile')));
  return root;
}

export function leavesPopup(leaves: PointItem[], total: number, lang: Lang): HTMLElement {
  const root = el('div', 'popup');
  root.append(el('h3', 'popup-title', i18next.t('map.sameSpot', { count: total })));
  const ul = el('ul', 'popup-leaves');
  for (const l of leaves) {
    const li = el('li');
    li.append(markLang(profileLink(l.organizationId, l.name), l.nameLang, lang));
    ul.append(li);
  }
  root.append(ul);
  if (total > leaves.length) root.append(el('p', undefined, i18next.t('map.andMore', { count: total - leaves.length })));
  return root;
}
