/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { Facts } from '../../tabs/src/components/Facts';
import { UserText } from '../../tabs/src/components/UserText';

// Issue 8 item 5, tab side: text someone typed is shown isolated, so a stored direction control cannot reorder the
// label beside it or the rest of the line.

const EVIL = 'Invented \u202Eevil\u202C note';

test('UserText isolates its text in a <bdi> whose direction comes from the text itself', () => {
  render(
    <p>
      Latest: <UserText>{EVIL}</UserText> by a member
    </p>,
  );
  const isolated = screen.getByText(EVIL);
  expect(isolated.tagName).toBe('BDI');
  expect(isolated.getAttribute('dir')).toBe('auto');
  // The words around it are outside the isolate.
  expect(isolated.parentElement!.textContent).toBe(`Latest: ${EVIL} by a member`);
  expect(isolated.textContent).toBe(EVIL);
});

test('every text value of a facts list is isolated, and the terms are not', () => {
  render(<Facts rows={[['Initials', '\u202EE.L.'], ['Reasons', EVIL], ['Known to', <span key="k">Police</span>]]} />);
  expect(screen.getByText('\u202EE.L.').tagName).toBe('BDI');
  expect(screen.getByText(EVIL).tagName).toBe('BDI');
  expect(screen.getByText('Initials').tagName).toBe('DT');
  // A value that is already an element is left as it is.
  expect(screen.getByText('Police').tagName).toBe('SPAN');
});
