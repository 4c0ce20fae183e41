import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { attachFileDrop } from '../../map/file-drop';
import { ImportDropZone } from './ImportDropZone';
import { ImportStatusPanel } from './ImportStatusPanel';
import { importFiles, importText } from './import-run';
import { routeFiles, userRasterDialog } from './user-raster-flow';
import './import.css';

// The own-raster dialog loads when it is first opened and then stays in the page.
const UserRasterDialog = lazy(() =>
  import('./UserRasterDialog').then((m) => ({ default: m.UserRasterDialog })),
);

/** Drag and drop on the map, paste of GeoJSON/WKT, and the import's progress and messages. */
export function ImportControls() {
  const anchor = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const rasterDialogWanted = useStore(
    userRasterDialog,
    (state) => state.phase !== 'closed' || state.opening > 0,
  );
  useEffect(() => {
    const target = anchor.current?.closest<HTMLElement>('.app') ?? document.body;
    return attachFileDrop(target, {
      onDragChange: setDragging,
      onFiles: (files) => void routeFiles(files, importFiles),
      onText: (text) => void importText(text),
    });
  }, []);
  return (
    <div ref={anchor} className="import-controls">
      {dragging ? <ImportDropZone /> : null}
      <ImportStatusPanel />
      {rasterDialogWanted ? (
        <Suspense fallback={null}>
          <UserRasterDialog />
        </Suspense>
      ) : null}
    </div>
  );
}
