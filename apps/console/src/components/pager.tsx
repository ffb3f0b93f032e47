import { useTranslation } from 'react-i18next';

/** Previous / page n of m / next under a paged list; nothing when everything fits on one page. */
export function Pager({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= pageSize) return null;
  return (
    <nav className="pager" aria-label={t('board.pages')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('board.previous')}
      </button>
      <span>{t('board.page', { page, pages: Math.ceil(total / pageSize) })}</span>
      <button type="button" disabled={page * pageSize >= total} onClick={() => onPage(page + 1)}>
        {t('board.next')}
      </button>
    </nav>
  );
}
