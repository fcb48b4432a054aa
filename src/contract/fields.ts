import { z } from 'zod';
import { NHS_NUMBER_MESSAGE, POSTCODE_MESSAGE, isNhsNumber, isPostcode, stripBidiControls } from '../domain/formats';

// Shared field shapes, so every request says the same thing about the same kind of input.
export const id = z.string().trim().min(1, 'is required').max(100);
// Text people type has Unicode's bidirectional controls removed on the way in (see stripBidiControls): stored, they
// would make the tab, cards and chats show something other than what the record says.
export const plainText = () => z.string().overwrite(stripBidiControls).trim();
export const text = (max = 4000) => plainText().min(1, 'is required').max(max, `must be at most ${max} characters`);
export const optionalText = (max = 4000) => plainText().max(max, `must be at most ${max} characters`).optional();
export const isoDate = z.iso.date({ message: 'must be a date (yyyy-mm-dd)' });
export const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601)' });
/** The version the caller read; a stale one is a conflict rather than a silent overwrite. */
export const expectedVersion = z.number().int().positive().optional();
/** A UK postcode, stored upper-cased (src/domain/formats.ts, shared with the tab's form). */
export const postcode = plainText().toUpperCase().refine(isPostcode, POSTCODE_MESSAGE);
/** An NHS number: ten digits (optionally 3-3-4) with a correct modulus-11 check digit. */
export const nhsNumber = plainText().refine(isNhsNumber, NHS_NUMBER_MESSAGE);
