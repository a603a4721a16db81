import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'

/** Metadata of a stored object, as `ListObjectsV2` reports it. */
export interface S3ObjectInfo {
  readonly Key: string
  readonly Size: number
  readonly ETag: string
  readonly LastModified: string
  readonly StorageClass: string
}

/**
 * What a Distributed Map's ItemReader and ResultWriter read and write instead of Amazon S3. Synchronous
 * on purpose: the stand-ins are memory or a local folder.
 */
export interface S3StandIn {
  /** The object's text, or undefined when the bucket or key does not exist. */
  getObject(bucket: string, key: string): string | undefined
  putObject(bucket: string, key: string, body: string): void
  /** Objects whose key starts with `prefix`, in key order; undefined when the bucket does not exist. */
  listObjects(bucket: string, prefix: string): S3ObjectInfo[] | undefined
}

function etag(body: string): string {
  // A stable, cheap stand-in for S3's MD5 ETag (FNV-1a), quoted as S3 quotes it.
  let hash = 0x811c9dc5
  for (let i = 0; i < body.length; i++)
    hash = Math.imul(hash ^ body.charCodeAt(i), 0x01000193) >>> 0
  return `"${hash.toString(16).padStart(8, '0')}"`
}

/**
 * S3 in memory: buckets of objects given up front or written by ResultWriter.
 *
 * @example
 * const s3 = new InMemoryS3({ 'my-bucket': { 'items.json': JSON.stringify([1, 2, 3]) } })
 * await run(definition, { Bucket: 'my-bucket', Key: 'items.json' }, { s3 })
 * s3.getObject('results', 'prefix/…/manifest.json')
 */
export class InMemoryS3 implements S3StandIn {
  readonly #buckets = new Map<string, Map<string, { body: string; modified: string }>>()

  constructor(buckets: Readonly<Record<string, Readonly<Record<string, string>>>> = {}) {
    for (const [bucket, objects] of Object.entries(buckets)) {
      this.createBucket(bucket)
      for (const [key, body] of Object.entries(objects)) this.putObject(bucket, key, body)
    }
  }

  createBucket(bucket: string): void {
    if (!this.#buckets.has(bucket)) this.#buckets.set(bucket, new Map())
  }

  getObject(bucket: string, key: string): string | undefined {
    return this.#buckets.get(bucket)?.get(key)?.body
  }

  putObject(bucket: string, key: string, body: string): void {
    this.createBucket(bucket)
    this.#buckets.get(bucket)!.set(key, { body, modified: new Date(0).toISOString() })
  }

  listObjects(bucket: string, prefix: string): S3ObjectInfo[] | undefined {
    const objects = this.#buckets.get(bucket)
    if (objects === undefined) return undefined
    return [...objects.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, o]) => ({
        Key: key,
        Size: new TextEncoder().encode(o.body).length,
        ETag: etag(o.body),
        LastModified: o.modified,
        StorageClass: 'STANDARD',
      }))
  }

  /** Every key of a bucket (handy in tests to see what ResultWriter wrote). */
  keys(bucket: string): string[] {
    return [...(this.#buckets.get(bucket)?.keys() ?? [])].sort()
  }
}

/**
 * S3 over a local folder: each bucket is a sub-folder of `root`, each key a file path inside it.
 *
 * @example
 * const s3 = new LocalFolderS3('./fixtures/s3') // ./fixtures/s3/my-bucket/items.csv
 */
export class LocalFolderS3 implements S3StandIn {
  readonly #root: string

  constructor(root: string) {
    this.#root = root
  }

  #path(bucket: string, key: string): string | undefined {
    const path = join(this.#root, bucket, key)
    // Keys may not climb out of their bucket folder ("../").
    const inside = relative(join(this.#root, bucket), path)
    return inside.startsWith('..') || inside === '' ? undefined : path
  }

  getObject(bucket: string, key: string): string | undefined {
    const path = this.#path(bucket, key)
    if (path === undefined) return undefined
    try {
      return readFileSync(path, 'utf8')
    } catch {
      return undefined
    }
  }

  putObject(bucket: string, key: string, body: string): void {
    const path = this.#path(bucket, key)
    if (path === undefined)
      throw new Error(`The key '${key}' leaves the folder of bucket '${bucket}'.`)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, body)
  }

  listObjects(bucket: string, prefix: string): S3ObjectInfo[] | undefined {
    const base = join(this.#root, bucket)
    try {
      if (!statSync(base).isDirectory()) return undefined
    } catch {
      return undefined
    }
    const found: S3ObjectInfo[] = []
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else {
          const key = relative(base, path).split(sep).join('/')
          if (!key.startsWith(prefix)) continue
          const body = readFileSync(path, 'utf8')
          found.push({
            Key: key,
            Size: statSync(path).size,
            ETag: etag(body),
            LastModified: statSync(path).mtime.toISOString(),
            StorageClass: 'STANDARD',
          })
        }
      }
    }
    walk(base)
    return found.sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0))
  }
}
