// Hands out the day's case-number sequence from blocks reserved in the database, so an intake does
// not wait on the one counter row every other intake of the day also updates. Numbers stay unique
// across processes; within one process they rise; across processes (or after a restart, which
// leaves the rest of a block unused) they may interleave or skip — a case number promises
// uniqueness and the day, not a gapless order.
import type { CaseRepository } from '../repositories/case.repository';

export class CaseNumberAllocator {
  private block: { day: string; next: number; last: number } | null = null;
  private reserving: Promise<void> | null = null;

  constructor(
    private readonly repo: CaseRepository,
    private readonly blockSize = 20,
  ) {}

  async next(day: string): Promise<number> {
    for (;;) {
      const b = this.block;
      if (b && b.day === day && b.next <= b.last) return b.next++;
      if (!this.reserving) {
        this.reserving = this.reserve(day).finally(() => {
          this.reserving = null;
        });
      }
      await this.reserving;
    }
  }

  private async reserve(day: string): Promise<void> {
    const last = await this.repo.reserveDailySequence(day, this.blockSize);
    this.block = { day, next: last - this.blockSize + 1, last };
  }
}
