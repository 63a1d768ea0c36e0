/*
 * lab01: the checks of lab 1 (labs/01-hello): load greet.ko with and
 * without parameters, refuse bad ones, unload it, again and again. The
 * grader (tools/grade.py) reads what the module printed on the console.
 *
 *     lab01          run every check (as the grader does)
 */
#include <lab.h>

static void load_default(void)
{
	lab_begin("load");
	lab_end(lab_insmod("greet") == 0 && lab_module_loaded("greet"),
		"insmod greet failed, or greet is not in /proc/modules");
}

static void unload(void)
{
	lab_begin("unload");
	lab_end(lab_rmmod("greet") == 0 && !lab_module_loaded("greet"),
		"rmmod greet failed, or greet is still in /proc/modules");
}

static void param(const char *name, char *a, char *b)
{
	int loaded;

	lab_begin(name);
	loaded = lab_insmod("greet", a, b) == 0;
	lab_end(loaded && lab_rmmod("greet") == 0, "insmod greet %s %s, then rmmod: %s", a, b ? b : "",
		loaded ? "rmmod failed" : "insmod failed");
}

static void bad_times(void)
{
	int zero, eleven, stray;

	lab_begin("bad_times");
	zero = lab_insmod("greet", "times=0");
	eleven = lab_insmod("greet", "times=11");
	stray = lab_module_loaded("greet");
	if (stray)
		lab_rmmod("greet");
	lab_end(zero && eleven && !stray, "times=0 and times=11 must be refused (insmod gave %d and %d)",
		zero, eleven);
}

static void modinfo(void)
{
	lab_begin("modinfo");
	lab_end(lab_run("/bin/modinfo", "greet", NULL) == 0, "modinfo greet failed");
}

static void reload(void)
{
	int bad = 0;

	lab_begin("reload");
	for (int i = 0; i < 5; i++)
		bad += lab_insmod("greet", "who=again") != 0 || lab_rmmod("greet") != 0;
	lab_end(!bad, "%d of 5 rounds of insmod and rmmod failed", bad);
}

int main(void)
{
	load_default();
	unload();
	param("param_who", "who=students", NULL);
	param("param_times", "who=TAs", "times=3");
	bad_times();
	modinfo();
	reload();
	lab_done();
	return 0;
}
