import type { Repository } from '../repo/repository.js';

/** Seeds the demo data into an empty repository. */
export async function seedDemo(_repo: Repository, _password: string): Promise<void> {}
