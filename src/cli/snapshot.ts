// The Linux executable's start-up snapshot (scripts/release.mjs makes it with SEA's `useSnapshot`, from the one-file
// build): what is done while the snapshot is made, so that no run does it. Only work that reads nothing of the run goes
// here — code loaded and the division list parsed and indexed; argv, the environment, the working folder, the clock and the
// terminal are read by main() when the executable runs.
import v8 from 'node:v8';
import { loadDivisions } from '../io/divisions.js';

/** Whether this process is making a start-up snapshot (node --build-snapshot, or a SEA blob with useSnapshot). */
export function buildingSnapshot(): boolean {
  return v8.startupSnapshot?.isBuildingSnapshot?.() ?? false;
}

/** Makes the snapshot's state and names `main` as what the executable runs. */
export function prepareSnapshot(main: () => Promise<void>): void {
  // parsed and indexed now; the promise is settled before the heap is written
  void loadDivisions();
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    void main();
  });
}
