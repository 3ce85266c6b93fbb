// Panel UI: the request to sign, field by field; a recipe shows only the fields it reads.
import { SIGNING_RECIPES } from '../../core/index.ts';
import { type FormField, recipeUses, type SignForm } from './sign-form.ts';

export interface RequestFieldsProps {
  form: SignForm;
  onField(field: FormField, value: string): void;
  onNow(): void;
}

const FORMAT_HINT = { 'epoch-ms': 'Unix ms', 'epoch-s': 'Unix seconds', iso: 'ISO 8601' } as const;

function TextField(props: {
  label: string;
  field: FormField;
  form: SignForm;
  onField: RequestFieldsProps['onField'];
  placeholder?: string;
}) {
  const testId = `sign-${props.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return (
    <label class="sign-field">
      <span>{props.label}</span>
      <input
        type="text"
        data-testid={testId}
        spellcheck={false}
        autocomplete="off"
        placeholder={props.placeholder}
        value={props.form[props.field]}
        onInput={(event) =>
          props.onField(props.field, (event.currentTarget as HTMLInputElement).value)
        }
      />
    </label>
  );
}

export function RequestFields({ form, onField, onNow }: RequestFieldsProps) {
  const uses = (field: FormField) => recipeUses(form.recipe, field);
  const format = SIGNING_RECIPES[form.recipe].timestampFormat;
  return (
    <fieldset class="sign-request">
      <legend>Request</legend>
      {uses('method') ? (
        <TextField label="Method" field="method" form={form} onField={onField} />
      ) : null}
      {uses('path') ? (
        <TextField
          label="Path"
          field="path"
          form={form}
          onField={onField}
          placeholder="/api/v5/trade/order"
        />
      ) : null}
      {uses('query') ? (
        <TextField
          label="Query"
          field="query"
          form={form}
          onField={onField}
          placeholder="a=1&b=2 (no ?)"
        />
      ) : null}
      {uses('body') ? (
        <label class="sign-field">
          <span>Body</span>
          <textarea
            data-testid="sign-body"
            rows={3}
            spellcheck={false}
            value={form.body}
            onInput={(event) => onField('body', (event.currentTarget as HTMLTextAreaElement).value)}
          />
        </label>
      ) : null}
      <div class="sign-field sign-timestamp">
        <label>
          <span>Timestamp</span>
          <input
            type="text"
            data-testid="sign-timestamp"
            spellcheck={false}
            autocomplete="off"
            placeholder={`${FORMAT_HINT[format]}; empty: now when signed`}
            value={form.timestamp}
            onInput={(event) =>
              onField('timestamp', (event.currentTarget as HTMLInputElement).value)
            }
          />
        </label>
        <button
          type="button"
          data-testid="sign-now"
          onClick={onNow}
          title={`Now, in ${FORMAT_HINT[format]}`}
        >
          Now
        </button>
      </div>
      {uses('recvWindow') ? (
        <TextField
          label="recvWindow"
          field="recvWindow"
          form={form}
          onField={onField}
          placeholder="ms; empty: left out"
        />
      ) : null}
      <TextField
        label="API key"
        field="key"
        form={form}
        onField={onField}
        placeholder="goes into a header, not signed"
      />
    </fieldset>
  );
}
