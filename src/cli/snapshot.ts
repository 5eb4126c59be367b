// The Linux executable's start-up snapshot (scripts/release.mjs makes it with SEA's `useSnapshot`, from the one-file
// build): what is done while the snapshot is made, so that no run does it. Only work that reads nothing of the run goes
// here — the code loaded; argv, the environment, the working folder, the clock and the terminal are read by main() when
// the executable runs. The division index is not made here: read from its packed bytes when a run first needs it
// (~5 ms), it costs less than the ~5 MB it would add to the snapshot, which every start of the executable reads whole.
import v8 from 'node:v8';

/** Whether this process is making a start-up snapshot (node --build-snapshot, or a SEA blob with useSnapshot). */
export function buildingSnapshot(): boolean {
  return v8.startupSnapshot?.isBuildingSnapshot?.() ?? false;
}

/** Makes the snapshot's state and names `main` as what the executable runs. */
export function prepareSnapshot(main: () => Promise<void>): void {
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    void main();
  });
}
