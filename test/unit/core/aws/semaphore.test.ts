import { describe, expect, it } from 'vitest'
import { createSemaphore } from '../../../../core/aws/semaphore.ts'

describe('createSemaphore', () => {
  it('runs at most `limit` tasks at once, in arrival order', async () => {
    const semaphore = createSemaphore(2)
    let running = 0
    let most = 0
    const order: number[] = []
    const task = (i: number) => async () => {
      running++
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      order.push(i)
      running--
      return i
    }
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => semaphore.run(task(i))))
    expect(results).toEqual([0, 1, 2, 3, 4])
    expect(most).toBe(2)
    expect(order).toEqual([0, 1, 2, 3, 4])
    expect(semaphore.active()).toBe(0)
  })

  it('frees the slot of a task that fails', async () => {
    const semaphore = createSemaphore(1)
    await expect(semaphore.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await semaphore.run(async () => 'next')).toBe('next')
  })
})
