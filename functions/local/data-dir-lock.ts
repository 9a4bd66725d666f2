/**
 * One server per data directory: `<dataDir>/server.pid` names the process that owns it. A pid file of a
 * process that is gone (a crash, SIGKILL) is taken over; one of a live process is a clear error
 * instead of LevelDB's "Database is closed" on the first request.
 * @module
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

/** Data directories held by servers of this process */
const held = new Set<string>()

/** Takes the data directory for this process; throws when another server (here or in a live process) has it */
export const lockDataDir = (dataDir: string): { release(): void } => {
  const file = join(dataDir, 'server.pid')
  if (held.has(file)) throw new Error(`data directory \`${dataDir}\` is in use by another iamspec server`)
  let owner: number | undefined
  try {
    owner = Number(readFileSync(file, 'utf8').trim())
  } catch {
    owner = undefined
  }
  if (owner && owner !== process.pid && Number.isInteger(owner) && isAlive(owner)) {
    throw new Error(`data directory \`${dataDir}\` is in use by another iamspec server (pid ${owner})`)
  }
  writeFileSync(file, `${process.pid}\n`)
  held.add(file)
  let released = false
  return {
    release: () => {
      if (released) return
      released = true
      held.delete(file)
      try {
        if (Number(readFileSync(file, 'utf8').trim()) === process.pid) rmSync(file)
      } catch {
        // already gone
      }
    },
  }
}
