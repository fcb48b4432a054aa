import { makeStyles, tokens } from '@fluentui/react-components';

/** Shared by the admin page's sections: forms that wrap down to 320 px, and plain accessible tables. */
export const useAdminStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'minmax(0, 1fr)' },
  form: {
    display: 'flex', gap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, alignItems: 'flex-end', flexWrap: 'wrap',
    '& > *': { minWidth: 0, maxWidth: '100%' },
    '& .fui-Select': { minWidth: 0, maxWidth: '100%' },
  },
  table: { borderCollapse: 'collapse', minWidth: '16rem', width: '100%' },
  cell: { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Downloads a file the API sent base64 in JSON. */
export function download(fileName: string, contentType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
