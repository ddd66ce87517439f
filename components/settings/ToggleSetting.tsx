interface Props {
  id: string;
  checked: boolean;
  label: string;
  help?: string;
  onChange: (on: boolean) => Promise<void>;
}

/** A yes/no preference, kept as soon as it is ticked; a refused save puts the box back. */
export function ToggleSetting({ id, checked, label, help, onChange }: Props) {
  return (
    <div class="field">
      <label class="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={help ? `${id}-help` : undefined}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            // Shown as stored until the change is kept (the stored value then re-renders it).
            event.currentTarget.checked = checked;
            void onChange(on).catch(() => undefined);
          }}
        />
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      )}
    </div>
  );
}
