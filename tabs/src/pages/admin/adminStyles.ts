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
