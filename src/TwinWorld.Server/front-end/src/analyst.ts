// An analyst's forecast: how many minutes ahead, how often to sample, and extra actions written as in a
// scenario ("wind: {speed: 12, from: 270}", one a line), which the server validates; its samples fill a table.
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { ForecastRequestSchema, ForecastResponse } from '../gen/twinworld/v1/analyst_pb';

export class ForecastPanel {
  private request = 0;

  constructor(private readonly panel: HTMLElement, send: (request: MessageInitShape<typeof ForecastRequestSchema>) => number) {
    panel.hidden = false;
    panel.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = (id: string) => panel.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!.value;
      const actions = value('forecast-actions').split('\n').map((line) => line.trim()).filter(Boolean);
      this.rows().replaceChildren();
      this.say('asking…');
      this.request = send({ aheadSeconds: Number(value('forecast-ahead')) * 60, everySeconds: Number(value('forecast-every')), actions });
    });
  }

  answered(response: ForecastResponse): void {
    if (response.requestId !== this.request) return;
    for (const sample of response.samples) {
      const row = document.createElement('tr');
      for (const cell of [(sample.atSeconds / 60).toFixed(1), sample.agents, sample.evacuated, sample.injured, sample.incapacitated,
        Math.round(sample.floodedAreaM2), Math.round(sample.burnedAreaM2)]) {
        row.insertCell().textContent = String(cell);
      }
      this.rows().append(row);
    }
    this.say(response.last ? `${this.rows().childElementCount} samples` : 'running…');
  }

  /** The server refused the request (a bad action, no forecaster): said beside the form. */
  refused(requestId: number, message: string): boolean {
    if (requestId !== this.request) return false;
    this.say(message, true);
    return true;
  }

  private rows(): HTMLElement { return this.panel.querySelector('tbody')!; }

  private say(text: string, error = false): void {
    const status = this.panel.querySelector<HTMLElement>('#forecast-status')!;
    status.textContent = text;
    status.classList.toggle('error', error);
  }
}
