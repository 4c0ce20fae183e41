import { useEffect, useRef, useState } from 'react';
import { attachFileDrop } from '../../map/file-drop';
import { ImportDropZone } from './ImportDropZone';
import { ImportStatusPanel } from './ImportStatusPanel';
import { importFiles, importText } from './import-run';
import { UserRasterDialog } from './UserRasterDialog';
import { routeFiles } from './user-raster-flow';
import './import.css';

/** Drag and drop on the map, paste of GeoJSON/WKT, and the import's progress and messages. */
export function ImportControls() {
  const anchor = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
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
      <UserRasterDialog />
    </div>
  );
}
