import { captureLogs, log, logger, withCorrelationId } from '../../src/log';

describe('log', () => {
  it('writes JSON lines with the level name and the correlation id of the work in progress, across awaits', async () => {
    const captured = captureLogs();
    try {
      const child = logger('test');
      await withCorrelationId('3f1c2b1a-0000-4000-8000-000000000001', async () => {
        await new Promise((resolve) => setImmediate(resolve));
        child.info({ caseId: 'C1' }, 'inside');
      });
      log.info('outside');
      const [inside, outside] = captured.lines;
      expect(inside).toMatchObject({ level: 'info', msg: 'inside', component: 'test', caseId: 'C1', correlationId: '3f1c2b1a-0000-4000-8000-000000000001' });
      expect(outside).toMatchObject({ msg: 'outside' });
      expect(outside).not.toHaveProperty('correlationId');
    } finally {
      captured.stop();
    }
  });

  it('censors personal-data keys wherever they sit', () => {
    const captured = captureLogs();
    try {
      log.info({ name: 'Ada Example', adult: { address: '1 Invented Road', postcode: 'ZZ9 9ZZ' }, req: { headers: { authorization: 'Bearer abc' } }, deep: { a: { nhsNumber: '9990001112', narrative: 'secret' } } }, 'm');
      const text = captured.text();
      for (const secret of ['Ada Example', '1 Invented Road', 'ZZ9 9ZZ', 'Bearer abc', '9990001112', 'secret']) expect(text).not.toContain(secret);
      expect(text).toContain('[redacted]');
    } finally {
      captured.stop();
    }
  });
});
