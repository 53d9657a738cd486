/**
 * @module
 * `createMemoryReconcileStore()`: the reconcile store contract in memory, the reference the
 * durable stores are tested against. NOT durable: a restart forgets every tracked task.
 */
import type { ReconcileStore, TrackedTask } from './store'

export function createMemoryReconcileStore(now: () => Date = () => new Date()): ReconcileStore {
  const tasks = new Map<string, TrackedTask>()
  const held = (lease: { taskId: string; attempts: number }) => {
    const task = tasks.get(lease.taskId)
    return task?.state === 'pulling' && task.attempts === lease.attempts ? task : undefined
  }
  return {
    async track(taskId, { source, dueAt, seenAt }) {
      const task = tasks.get(taskId)
      const at = now()
      if (!task) {
        tasks.set(taskId, {
          taskId,
          state: 'pending',
          source,
          dueAt,
          attempts: 0,
          lastSeenAt: seenAt,
          lastError: undefined,
          report: undefined,
          updatedAt: at,
        })
      } else if (task.state === 'pulling') {
        tasks.set(taskId, { ...task, lastSeenAt: seenAt, updatedAt: at })
      } else {
        tasks.set(taskId, { ...task, state: 'pending', dueAt, lastSeenAt: seenAt, updatedAt: at })
      }
    },
    async claim(limit, leaseMs) {
      const at = now()
      const due = [...tasks.values()]
        .filter((task) => task.state !== 'reconciled' && task.dueAt <= at)
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
        .slice(0, limit)
      return due.map((task) => {
        const claimed: TrackedTask = {
          ...task,
          state: 'pulling',
          attempts: task.attempts + 1,
          dueAt: new Date(at.getTime() + leaseMs),
          updatedAt: at,
        }
        tasks.set(task.taskId, claimed)
        return claimed
      })
    },
    async settle(lease, report, nextAt) {
      const task = held(lease)
      if (!task) return false
      const state = nextAt === null ? 'reconciled' : 'pending'
      tasks.set(task.taskId, {
        ...task,
        state,
        dueAt: nextAt ?? task.dueAt,
        report,
        lastError: undefined,
        updatedAt: now(),
      })
      return true
    },
    async fail(lease, error, retryAt) {
      const task = held(lease)
      if (!task) return false
      tasks.set(task.taskId, {
        ...task,
        state: 'pending',
        dueAt: retryAt,
        lastError: error,
        updatedAt: now(),
      })
      return true
    },
    async get(taskId) {
      return tasks.get(taskId)
    },
    async list(options = {}) {
      return [...tasks.values()]
        .filter((task) => options.state === undefined || task.state === options.state)
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
        .slice(0, options.limit ?? 100)
    },
  }
}
