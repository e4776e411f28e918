import { auditHashMemory } from './coverage.service';

describe('auditHashMemory', () => {
  it('keeps PostgreSQL’s default for a county and grows with the grids in scope up to 1 GB', () => {
    expect(auditHashMemory(1_269)).toEqual({ workMem: '4096kB', multiplier: '2' });
    // the province's 126,796 grids need ~458 MB of hash table: 2 × 248 MB
    expect(auditHashMemory(126_796)).toEqual({ workMem: '253592kB', multiplier: '2' });
    expect(auditHashMemory(10_000_000)).toEqual({ workMem: '1048576kB', multiplier: '2' });
  });
});
