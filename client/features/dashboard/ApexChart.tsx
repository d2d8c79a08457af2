import type { ApexOptions } from 'apexcharts';
import { createEffect, on, onCleanup, onMount } from 'solid-js';

type Chart = {
  updateSeries: (series: ApexOptions['series'], animate?: boolean) => Promise<void>;
  updateOptions: (options: ApexOptions, redraw?: boolean, animate?: boolean) => Promise<void>;
  destroy: () => void;
  render: () => Promise<void>;
};

/**
 * One ApexCharts chart: the library is loaded on first use (only the dashboard and the wall
 * need it), the chart is created on mount, updated in place when the data changes (no redraw,
 * no flicker) and destroyed on cleanup.
 */
export function ApexChart(props: {
  options: ApexOptions;
  series: ApexOptions['series'];
  categories?: string[];
  label: string;
  class?: string;
}) {
  let element!: HTMLDivElement;
  let chart: Chart | undefined;
  let isDisposed = false;

  onMount(async () => {
    const [{ default: ApexCharts }, fr] = await Promise.all([
      import('apexcharts'),
      import('apexcharts/dist/locales/fr.json'),
    ]);
    if (isDisposed) return;
    chart = new ApexCharts(element, {
      ...props.options,
      chart: {
        ...props.options.chart,
        locales: [fr.default ?? fr],
        defaultLocale: 'fr',
        fontFamily: 'inherit',
        animations: { enabled: true, dynamicAnimation: { enabled: true, speed: 300 } },
      },
      series: props.series,
      ...(props.categories
        ? { xaxis: { ...props.options.xaxis, categories: props.categories } }
        : {}),
    }) as unknown as Chart;
    await chart.render();
  });

  createEffect(
    on(
      () => [props.series, props.categories] as const,
      ([series, categories]) => {
        if (!chart) return;
        if (categories)
          void chart.updateOptions({ xaxis: { ...props.options.xaxis, categories } }, false, false);
        void chart.updateSeries(series, true);
      },
      { defer: true },
    ),
  );

  onCleanup(() => {
    isDisposed = true;
    chart?.destroy();
  });

  return <div ref={element} class={props.class} role="img" aria-label={props.label} />;
}
