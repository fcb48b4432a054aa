import { makeStyles, tokens } from '@fluentui/react-components';
import { ON_PHONE } from './breakpoints';

/**
 * A dialog on a phone becomes a full-screen sheet: the whole width and height, no rounded floating box with a
 * sliver of page around it, its body scrolling under the title. Give `sheet` to every DialogSurface.
 */
export const useSheetStyles = makeStyles({
  sheet: {
    [ON_PHONE]: {
      width: '100vw',
      maxWidth: '100vw',
      height: '100dvh',
      maxHeight: '100dvh',
      borderRadius: 0,
      border: 'none',
      paddingTop: tokens.spacingVerticalL,
      paddingBottom: tokens.spacingVerticalL,
      paddingLeft: tokens.spacingHorizontalM,
      paddingRight: tokens.spacingHorizontalM,
      boxSizing: 'border-box',
      overflowY: 'auto',
      '& .fui-DialogBody': { maxHeight: 'none' },
    },
  },
});
