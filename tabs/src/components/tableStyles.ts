import { makeStyles } from '@fluentui/react-components';

/**
 * Fluent highlights a table row on hover, which is meant for rows that are themselves clickable. Ours are not
 * (the reference link is), and the highlight drops link text below 4.5:1 in the dark theme and to 1.4:1 in high
 * contrast (yellow on cyan), so rows keep their background.
 */
export const useStaticRowStyles = makeStyles({
  row: {
    ':hover': { backgroundColor: 'transparent', color: 'inherit' },
    ':active': { backgroundColor: 'transparent', color: 'inherit' },
  },
});
